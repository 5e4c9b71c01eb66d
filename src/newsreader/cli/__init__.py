"""The command line: ``newsreader COMMAND`` over the :class:`~newsreader.reader.Reader`.

:mod:`.main` parses the arguments and runs the feed and article commands,
:mod:`.comments` the comment and note commands, :mod:`.json_shapes` holds every
``--json`` shape, and :mod:`.common` what they share (exit codes, terminal bidi).
"""
