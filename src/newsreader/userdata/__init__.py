"""What only the user made, kept safe: the backup file (:mod:`.backup`) and the repair of a
damaged profile (:mod:`.repair`)."""
