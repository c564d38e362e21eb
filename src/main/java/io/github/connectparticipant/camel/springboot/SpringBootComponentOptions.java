package io.github.connectparticipant.camel.springboot;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Reads {@code camel.component.connectparticipant.*} from the Spring environment and sets it on the component through
 * the component's generated configurer (no reflection). Spring's relaxed binding picks each option's value, so that
 * {@code max-attempts}, {@code maxAttempts} and {@code CAMEL_COMPONENT_CONNECTPARTICIPANT_MAXATTEMPTS} are one option
 * and the usual precedence of property sources holds. A property the component has no option for fails, and error
 * messages name the property, never its value: a value may be a token.
 */
final class SpringBootComponentOptions {

    static final String PREFIX = "camel.component.connectparticipant";

    /** The auto-configuration's own switches, which are not options of the component. */
    private static final Set<String> AUTO_CONFIGURATION_KEYS = Set.of("enabled", "customizer.enabled");

    private static final Pattern LIST_ITEM = Pattern.compile("(?:\\[\\d+]|\\.\\d+)$");

    private final Environment environment;

    SpringBootComponentOptions(Environment environment) {
        this.environment = environment;
    }

    void applyTo(ConnectParticipantComponent component) {
        Binder binder = Binder.get(environment);
        Map<String, String> givenKeys = binder.bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        if (givenKeys.isEmpty()) {
            return;
        }
        // the configurer is ready once the component is initialised
        ServiceHelper.initService(component);
        PropertyConfigurer configurer = component.getComponentPropertyConfigurer();
        PropertyConfigurerGetter optionTypes = (PropertyConfigurerGetter) configurer;

        // one entry per option, however many spellings of it the sources hold: relaxed name -> a spelling given
        Map<String, String> options = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        for (String given : givenKeys.keySet()) {
            // a YAML list (allowed-file-types: [pdf, png]) arrives as key.0, key.1 (key[0] in some sources): one option
            String key = LIST_ITEM.matcher(given).replaceFirst("");
            String relaxedKey = relaxed(key);
            if (optionTypes.getOptionType(relaxedKey, true) != null) {
                options.putIfAbsent(relaxedKey, key);
            } else if (!AUTO_CONFIGURATION_KEYS.contains(relaxedKey)) {
                unknown.add(PREFIX + "." + key);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "The connectparticipant component has no option " + String.join(", ", unknown) + "; its options: "
                            + String.join(", ", optionNames(component)));
        }
        options.forEach((relaxedKey, key) -> {
            // Spring compares names without dashes or case, so the relaxed name finds the value that takes precedence
            String name = PREFIX + "." + relaxedKey;
            String value = binder.bind(name, Bindable.of(String.class))
                    .orElseGet(() -> binder.bind(name, Bindable.listOf(String.class))
                            .map(items -> String.join(",", items)).orElse(null));
            set(component, configurer, relaxedKey, PREFIX + "." + key, value,
                    optionTypes.getOptionType(relaxedKey, true));
        });
    }

    private static void set(
            ConnectParticipantComponent component, PropertyConfigurer configurer, String option, String property,
            String value, Class<?> type) {
        boolean set;
        try {
            set = PropertyBindingSupport.build().withConfigurer(configurer).withIgnoreCase(true)
                    .bind(component.getCamelContext(), component, option, value);
        } catch (RuntimeException e) {
            // neither the value nor the cause, whose message quotes it
            throw new IllegalArgumentException(
                    "Cannot set " + property + ": the value is not a valid " + type.getSimpleName() + " ("
                            + e.getClass().getSimpleName() + ")");
        }
        if (!set) {
            throw new IllegalArgumentException("Cannot set " + property + " on the connectparticipant component");
        }
    }

    /** The options as the Camel metadata names them, dashed as Spring Boot writes them; read only for an error. */
    private static Set<String> optionNames(ConnectParticipantComponent component) {
        Set<String> names = new TreeSet<>();
        try {
            String json = ((CatalogCamelContext) component.getCamelContext())
                    .getComponentParameterJsonSchema("connectparticipant");
            JsonObject properties = ((JsonObject) Jsoner.deserialize(json)).getMap("componentProperties");
            properties.keySet().forEach(option -> names.add(StringHelper.camelCaseToDash(option)));
        } catch (Exception e) {
            names.add("(see the component's reference, connectparticipant-component.adoc)");
        }
        return names;
    }

    /** The form Spring's relaxed binding compares names in: no dashes, no case. */
    private static String relaxed(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
