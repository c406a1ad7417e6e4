"""Pelican's plugin namespace entry.

The wheel installs this file as ``pelican.plugins.pelican_choices``, so Pelican
finds the plugin on its own when a site leaves ``PLUGINS`` unset.
"""

from pelican_choices import register

__all__ = ["register"]
