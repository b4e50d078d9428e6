package org.jnova.api.openstack.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route: an HTTP method, a path template such as {@code /servers/{server_id}/tags/{tag}}
 * (a variable matches one path segment; {@code {name:regex}} sets its own pattern) and the
 * resource and action it leads to.
 */
public record Route(String method, String template, String resource, String action, Pattern pattern,
        List<String> variables) {
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]+))?}");

    public Route {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(template, "template is null");
        Objects.requireNonNull(resource, "resource is null");
        Objects.requireNonNull(action, "action is null");
        Objects.requireNonNull(pattern, "pattern is null");
        variables = List.copyOf(variables);
    }

    public static Route of(String method, String template, String resource, String action) {
        StringBuilder regex = new StringBuilder("^");
        List<String> variables = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(template);
        int last = 0;
        while (matcher.find()) {
            regex.append(Pattern.quote(template.substring(last, matcher.start())));
            String segment = matcher.group(2) == null ? "[^/]+" : matcher.group(2);
            regex.append('(').append(segment).append(')');
            variables.add(matcher.group(1));
            last = matcher.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append('$');
        return new Route(method, template, resource, action, Pattern.compile(regex.toString()), variables);
    }

    /**
     * The path variables if the path fits the template (the method is not checked). The path is
     * already percent-decoded (WSGI's PATH_INFO), so the values are taken as they are: decoding
     * again would turn "a%2541" into "aA" and "a%25zz" into an error, where nova sees "a%41".
     */
    public Optional<Map<String, String>> match(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < variables.size(); i++) {
            values.put(variables.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }
}
