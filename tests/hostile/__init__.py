"""The hostile web: malformed pages, bad encodings, bombs, traps, SSRF bait, full disks."""
