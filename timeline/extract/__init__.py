"""From texts to candidate events: date expressions (timex), then dated happenings (events)."""
