"""pelican-choices: validated "where next?" choices and a reading order for Pelican sites."""

from pelican_choices.choices import Choice
from pelican_choices.icons import Icon
from pelican_choices.location import PROBLEM_MATCHER, THEME_PATH
from pelican_choices.plugin import register
from pelican_choices.problems import BrokenChoicesError

__version__ = "0.1.0"

__all__ = ["PROBLEM_MATCHER", "THEME_PATH", "BrokenChoicesError", "Choice", "Icon", "register"]
