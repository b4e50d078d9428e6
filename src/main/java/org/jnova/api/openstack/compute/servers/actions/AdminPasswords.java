package org.jnova.api.openstack.compute.servers.actions;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * nova's utils.generate_password: at least one character of each group (digits, upper and
 * lower case letters without the look-alikes 0, 1, I, O, l), the rest from all of them,
 * shuffled. nova's default length ([DEFAULT] password_length) is 12.
 */
public final class AdminPasswords {
    public static final int DEFAULT_LENGTH = 12;
    private static final String[] GROUPS = {"23456789", "ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz"};
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminPasswords() {
    }

    public static String generate(int length) {
        List<Character> chars = new ArrayList<>();
        String all = String.join("", GROUPS);
        for (String group : GROUPS) {
            chars.add(group.charAt(RANDOM.nextInt(group.length())));
        }
        while (chars.size() < length) {
            chars.add(all.charAt(RANDOM.nextInt(all.length())));
        }
        Collections.shuffle(chars, RANDOM);
        StringBuilder out = new StringBuilder();
        chars.subList(0, Math.max(0, length)).forEach(out::append);
        return out.toString();
    }
}
