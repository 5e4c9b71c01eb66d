"""Newsreader: an Arabic-first desktop news reader.

The package splits into a Qt-free core (``newsreader.core``, ``newsreader.fetch``,
``newsreader.storage``, ``newsreader.update`` and the :class:`~newsreader.reader.Reader`
facade) and a thin Qt layer in ``newsreader.ui``.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
