"""Item pipelines, one small class per step: extract → normalize → validate → archive."""
