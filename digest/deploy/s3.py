"""Deploy to S3-compatible storage (AWS, Cloudflare R2, MinIO, Backblaze) with boto3.

A file is sent when no object has its bytes: its MD5 against the object's ETag (for an
object sent in parts, the MD5 of its parts' MD5s, as S3 computes it). Credentials come
only from the standard AWS environment and profile files. Each object is replaced whole
(a PUT is atomic), so an interrupted deploy leaves every page complete, old or new, and the
next deploy, which lists the bucket again, sends what is left.
"""
from __future__ import annotations

import base64
import hashlib
import json
import threading
from collections.abc import Iterator
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from typing import Any

from digest.config import SiteConfig, Target
from digest.deploy import DeployReport, Options, plan_order, problem, too_many_deletes
from digest.deploy.files import LocalFile
from digest.errors import DigestError
from digest.headers import cache_control, content_type, feed_patterns, rules
from digest.state import write_atomic

PART = 8 * 1024 * 1024          # boto3's and the AWS CLI's part size
ONE_PART = 64 * 1024 * 1024     # files up to this size are sent in one PUT (their ETag is their MD5)
WORKERS = 16


def deploy(config: SiteConfig, target: Target, files: list[LocalFile], cap: int, options: Options,
           report: DeployReport) -> None:
    try:
        import boto3
        from botocore.config import Config
    except ImportError:
        raise problem(config, target, "S3 targets need boto3, which is not installed",
                      "pip install 'digest[s3]'") from None
    bucket, _, prefix = target.url.removeprefix("s3://").partition("/")
    prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
    counter = _Counter()
    try:
        client = boto3.session.Session().client(
            "s3", endpoint_url=target.endpoint or None, region_name=target.region or None,
            config=Config(retries={"max_attempts": 4, "mode": "standard"}, max_pool_connections=WORKERS,
                          connect_timeout=5, read_timeout=60))
        client.meta.events.register("before-send.s3.*", counter)
        _deploy(config, target, client, bucket, prefix, files, cap, options, report)
    except DigestError:
        raise
    except Exception as exc:  # botocore's errors, named for the curator
        raise _explained(config, target, bucket, exc) from None
    finally:
        report.requests = counter.count


def _deploy(config: SiteConfig, target: Target, client: Any, bucket: str, prefix: str, files: list[LocalFile],
            cap: int, options: Options, report: DeployReport) -> None:
    remote = dict(_listing(client, bucket, prefix))
    local = {f.rel: f for f in files}
    headers = rules(config)
    feeds = feed_patterns(config)
    record = _Record(config, target)
    restyled = record.changed_headers(files, headers, feeds)  # same bytes, other headers: sent again
    send = [f for f in files if options.force or f.rel in restyled or not _same(f, remote.get(f.rel))]
    gone = sorted(rel for rel in remote if rel not in local)
    report.unchanged = len(files) - len(send)
    if len(gone) > cap:
        raise too_many_deletes(config, target, len(gone), cap)
    report.changes = [f"upload {f.rel}" for f in send] + [f"delete {rel}" for rel in gone]
    if options.dry_run:
        report.uploaded, report.uploaded_bytes, report.deleted = len(send), sum(f.size for f in send), len(gone)
        return
    lock = threading.Lock()
    total = len(send)

    def put(f: LocalFile) -> None:
        extra = {"ContentType": content_type(f.rel, feeds)}
        cache = cache_control(f.rel, headers)
        if cache:
            extra["CacheControl"] = cache
        if f.size <= ONE_PART:
            with open(f.path, "rb") as fh:
                data = fh.read()
            client.put_object(Bucket=bucket, Key=prefix + f.rel, Body=data,
                              ContentMD5=base64.b64encode(bytes.fromhex(f.md5)).decode(), **extra)
        else:
            from boto3.s3.transfer import TransferConfig

            client.upload_file(f.path, bucket, prefix + f.rel, ExtraArgs=extra,
                               Config=TransferConfig(multipart_threshold=ONE_PART, multipart_chunksize=PART,
                                                     use_threads=False))
        with lock:
            report.uploaded += 1
            report.uploaded_bytes += f.size
            if options.progress:
                options.progress(report.uploaded, total, report.uploaded_bytes)

    by_rel = {f.rel: f for f in send}
    with ThreadPoolExecutor(WORKERS) as pool:
        try:
            for wave in plan_order(list(by_rel)):  # a wave starts once the files it links to are there
                done, _ = wait([pool.submit(put, by_rel[rel]) for rel in wave], return_when=FIRST_EXCEPTION)
                for future in done:
                    future.result()  # the first failure stops the deploy: the next one sends the rest
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
    for start in range(0, len(gone), 1000):  # deletions last, 1,000 a request
        batch = gone[start:start + 1000]
        answer = client.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": prefix + rel} for rel in batch],
                                                              "Quiet": True})
        if answer.get("Errors"):
            first = answer["Errors"][0]
            raise problem(config, target, f"could not delete {first.get('Key')}: {first.get('Message')}",
                          "check the credentials' permissions (s3:DeleteObject)")
        report.deleted += len(batch)
    record.save(headers, feeds)


def _listing(client: Any, bucket: str, prefix: str) -> Iterator[tuple[str, tuple[str, int]]]:
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", ()):
            yield item["Key"][len(prefix):], (item["ETag"].strip('"'), item["Size"])


def _same(f: LocalFile, remote: tuple[str, int] | None) -> bool:
    """Whether the object holds the file's bytes, by its ETag."""
    if remote is None or remote[1] != f.size:
        return False
    etag = remote[0]
    if "-" not in etag:
        return etag == f.md5
    parts = int(etag.rsplit("-", 1)[1]) if etag.rsplit("-", 1)[1].isdigit() else 0
    return parts > 0 and _multipart_etag(f.path, -(-f.size // parts)) == etag


def _multipart_etag(path: str, guess: int) -> str:
    """S3's ETag of the file sent in parts of PART bytes (the tools' default), or of `guess`."""
    size = PART if guess <= PART else 1 << (guess - 1).bit_length()  # parts are a power of two MiB
    digests = []
    with open(path, "rb") as fh:
        while chunk := fh.read(size):
            digests.append(hashlib.md5(chunk).digest())
    return f"{hashlib.md5(b''.join(digests)).hexdigest()}-{len(digests)}"


class _Record:
    """The header rules of the last complete deploy to a target (.digest/deploy/): objects
    whose headers those rules made otherwise are sent again (S3 lists no headers). Without a
    record (a first deploy from this folder) headers are taken as they should be: `--force`
    sends everything again."""

    def __init__(self, config: SiteConfig, target: Target) -> None:
        name = hashlib.sha1(target.name.encode()).hexdigest()[:16]
        self.path = config.state_dir / "deploy" / f"s3-{name}.json"
        self.rules: tuple[tuple[str, str], ...] | None
        self.feeds: tuple[str, ...] | None
        try:
            data = json.loads(self.path.read_bytes())
            self.rules = tuple((str(p), str(v)) for p, v in data["rules"])
            self.feeds = tuple(str(p) for p in data["feeds"])
        except (OSError, ValueError, KeyError, TypeError):
            self.rules, self.feeds = None, None

    def changed_headers(self, files: list[LocalFile], headers: tuple[tuple[str, str], ...],
                        feeds: tuple[str, ...]) -> set[str]:
        if self.rules is None or self.feeds is None or (self.rules, self.feeds) == (headers, feeds):
            return set()
        return {f.rel for f in files if (cache_control(f.rel, headers), content_type(f.rel, feeds))
                != (cache_control(f.rel, self.rules), content_type(f.rel, self.feeds))}

    def save(self, headers: tuple[tuple[str, str], ...], feeds: tuple[str, ...]) -> None:
        if (self.rules, self.feeds) != (headers, feeds):
            write_atomic(self.path, json.dumps({"rules": headers, "feeds": feeds}).encode())


class _Counter:
    """Counts the requests sent (botocore's before-send event)."""

    def __init__(self) -> None:
        self.count = 0
        self._lock = threading.Lock()

    def __call__(self, **kwargs: Any) -> None:
        with self._lock:
            self.count += 1


def _explained(config: SiteConfig, target: Target, bucket: str, exc: Exception) -> DigestError:
    from botocore import exceptions as e

    where = target.endpoint or "AWS"
    if isinstance(exc, (e.NoCredentialsError, e.PartialCredentialsError)):
        return problem(config, target, "no AWS credentials were found", "set AWS_ACCESS_KEY_ID and "
                       "AWS_SECRET_ACCESS_KEY, or AWS_PROFILE; digest never reads them from site.yaml")
    if isinstance(exc, (e.EndpointConnectionError, e.ConnectTimeoutError, e.ReadTimeoutError,
                        e.ConnectionClosedError)):
        return problem(config, target, f"cannot reach {where}", "check the endpoint and the network, then deploy "
                       "again: what was sent stays, the rest follows")
    if isinstance(exc, e.ClientError):
        code = str(exc.response.get("Error", {}).get("Code", ""))
        if code in ("InvalidAccessKeyId", "SignatureDoesNotMatch", "AccessDenied", "403", "InvalidToken",
                    "ExpiredToken"):
            return problem(config, target, f"{where} refused the credentials ({code})",
                           "check AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the profile, and their permissions")
        if code in ("NoSuchBucket", "404"):
            return problem(config, target, f"there is no bucket {bucket!r} at {where}",
                           "create it, or correct the url in site.yaml")
        return problem(config, target, f"{where} answered {code}: {exc.response.get('Error', {}).get('Message', '')}")
    if isinstance(exc, e.ProfileNotFound):
        return problem(config, target, f"{exc}", "name a profile of ~/.aws/config in AWS_PROFILE, or unset it")
    if isinstance(exc, (e.BotoCoreError, ValueError)):
        return problem(config, target, f"{exc}", "check the target's url, endpoint and region")
    raise exc
