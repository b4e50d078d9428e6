package org.jnova.conf.cfg;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration option, declared in code as oslo.config's {@code cfg.*Opt}: its group
 * ({@code DEFAULT} for none), name, type, default, bounds, choices, help, deprecated names
 * and whether it is secret. Immutable; declared as {@code static final} constants.
 */
public final class Opt<T> {
    public static final String DEFAULT_GROUP = "DEFAULT";

    private final String group;
    private final String name;
    private final OptType<T> type;
    private final T defaultValue;
    private final String help;
    private final boolean secret;
    private final Integer min;
    private final Integer max;
    private final List<String> choices;
    private final List<DeprecatedName> deprecatedNames;
    private final boolean cli;
    private final Character shortName;
    private final String sampleDefault;

    /** An older name (and group) that still sets this option, with a warning. */
    public record DeprecatedName(String group, String name) {
        public DeprecatedName {
            Objects.requireNonNull(group, "group is null");
            Objects.requireNonNull(name, "name is null");
        }
    }

    private Opt(Builder<T> b) {
        this.group = b.group;
        this.name = b.name;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.help = b.help;
        this.secret = b.secret;
        this.min = b.min;
        this.max = b.max;
        this.choices = List.copyOf(b.choices);
        this.deprecatedNames = List.copyOf(b.deprecatedNames);
        this.cli = b.cli;
        this.shortName = b.shortName;
        this.sampleDefault = b.sampleDefault;
    }

    public static Builder<String> string(String group, String name) { return new Builder<>(group, name, OptType.STRING); }
    public static Builder<Integer> integer(String group, String name) { return new Builder<>(group, name, OptType.INTEGER); }
    public static Builder<Double> floating(String group, String name) { return new Builder<>(group, name, OptType.FLOAT); }
    public static Builder<Boolean> bool(String group, String name) { return new Builder<>(group, name, OptType.BOOLEAN); }
    public static Builder<List<String>> list(String group, String name) { return new Builder<>(group, name, OptType.LIST); }
    public static Builder<java.util.Map<String, String>> dict(String group, String name) { return new Builder<>(group, name, OptType.DICT); }
    /** oslo.config's {@code MultiStrOpt}: repeated keys collect into a list. */
    public static Builder<List<String>> multiString(String group, String name) { return new Builder<>(group, name, OptType.MULTI_STRING); }
    /** oslo.config's {@code IPOpt}: an IPv4 or IPv6 address literal. */
    public static Builder<String> ipAddress(String group, String name) { return new Builder<>(group, name, OptType.IP_ADDRESS); }
    /** oslo.config's {@code PortOpt}: an integer in 0..65535. */
    public static Builder<Integer> port(String group, String name) { return new Builder<>(group, name, OptType.PORT); }
    /** oslo.config's {@code HostDomainOpt}: a hostname, FQDN or IP address. */
    public static Builder<String> hostDomain(String group, String name) { return new Builder<>(group, name, OptType.HOST_DOMAIN); }

    public String group() { return group; }
    public String name() { return name; }
    public OptType<T> type() { return type; }
    /** The default; empty where oslo.config's default is None. */
    public Optional<T> defaultValue() { return Optional.ofNullable(defaultValue); }
    public String help() { return help; }
    public boolean secret() { return secret; }
    public Optional<Integer> min() { return Optional.ofNullable(min); }
    public Optional<Integer> max() { return Optional.ofNullable(max); }
    public List<String> choices() { return choices; }
    public List<DeprecatedName> deprecatedNames() { return deprecatedNames; }
    /** Whether the command line may set this option too ({@code --log-file}, {@code --group-name}). */
    public boolean cli() { return cli; }
    /** The one-letter command-line alias ({@code -d} for debug), if any. */
    public Optional<Character> shortName() { return Optional.ofNullable(shortName); }
    /** What the sample file shows instead of a host-dependent default ({@code <current_hostname>}). */
    public Optional<String> sampleDefault() { return Optional.ofNullable(sampleDefault); }

    /** The long command-line flag: {@code --log-file}, or {@code --group-name} outside DEFAULT. */
    public String cliFlag() {
        String base = DEFAULT_GROUP.equals(group) ? name : group + "-" + name;
        return "--" + base.replace('_', '-');
    }

    /** group.name, or just name in DEFAULT: how messages refer to the option. */
    public String qualifiedName() {
        return DEFAULT_GROUP.equals(group) ? name : group + "." + name;
    }

    @Override
    public String toString() {
        return qualifiedName();
    }

    public static final class Builder<T> {
        private final String group;
        private final String name;
        private final OptType<T> type;
        private T defaultValue;
        private String help = "";
        private boolean secret;
        private Integer min;
        private Integer max;
        private List<String> choices = List.of();
        private List<DeprecatedName> deprecatedNames = List.of();
        private boolean cli;
        private Character shortName;
        private String sampleDefault;

        private Builder(String group, String name, OptType<T> type) {
            this.group = Objects.requireNonNull(group, "group is null");
            this.name = Objects.requireNonNull(name, "name is null");
            this.type = Objects.requireNonNull(type, "type is null");
        }

        public Builder<T> defaultValue(T value) { this.defaultValue = value; return this; }
        public Builder<T> help(String text) { this.help = text; return this; }
        public Builder<T> secret() { this.secret = true; return this; }
        public Builder<T> min(int value) { this.min = value; return this; }
        public Builder<T> max(int value) { this.max = value; return this; }
        public Builder<T> choices(String... values) { this.choices = List.of(values); return this; }

        public Builder<T> deprecatedName(String oldGroup, String oldName) {
            java.util.List<DeprecatedName> names = new java.util.ArrayList<>(deprecatedNames);
            names.add(new DeprecatedName(oldGroup, oldName));
            this.deprecatedNames = names;
            return this;
        }

        /** Also settable from the command line, as oslo.config's {@code register_cli_opt}. */
        public Builder<T> cli() { this.cli = true; return this; }
        public Builder<T> shortName(char letter) { this.shortName = letter; this.cli = true; return this; }
        public Builder<T> sampleDefault(String text) { this.sampleDefault = text; return this; }

        public Opt<T> build() {
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException(name + ": min " + min + " is greater than max " + max);
            }
            return new Opt<>(this);
        }
    }
}
