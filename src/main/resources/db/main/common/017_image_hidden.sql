-- glance's os_hidden: an image left out of default Image v2 lists (os_hidden=true lists it).
ALTER TABLE images ADD COLUMN os_hidden INTEGER NOT NULL DEFAULT 0;
