"""Time expressions: finding them in text and turning them into due and issue windows."""
