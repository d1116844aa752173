"""One view per kind of agenda step. A new kind of step adds its view here."""

from orat_tui.ui.steps.base import StepView
from orat_tui.ui.steps.follow_up import FollowUpView
from orat_tui.ui.steps.picture import PictureStepView
from orat_tui.ui.steps.point import PointView
from orat_tui.ui.steps.roll_call import RollCallView
from orat_tui.ui.steps.turn import TurnView
from orat_tui.ui.steps.wrap_up import WrapUpView

VIEWS: dict[str, type[StepView]] = {
    "roll_call": RollCallView,
    "turn": TurnView,
    "point": PointView,
    "wrap_up": WrapUpView,
    "follow_up": FollowUpView,
    "picture": PictureStepView,
}

__all__ = ["VIEWS", "StepView"]
