"""Golden battles: recorded choices and the exact events they must give."""
