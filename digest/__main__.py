from digest.cli import command

command()
