-- device tags of ports attached through os-interface (2.49+), as nova's virtual_interfaces.tag.
ALTER TABLE virtual_interfaces ADD COLUMN tag VARCHAR(255);
ALTER TABLE shadow_virtual_interfaces ADD COLUMN tag VARCHAR(255);
