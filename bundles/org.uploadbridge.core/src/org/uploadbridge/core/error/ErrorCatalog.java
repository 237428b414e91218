package org.uploadbridge.core.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The texts of one family of error codes, read from the {@code errors.properties} that sits in the
 * package of the code enum. Loaded once per enum class (like a resource bundle) and immutable.
 */
public final class ErrorCatalog {

    private static final ClassValue<ErrorCatalog> CATALOGS = new ClassValue<>() {
        @Override
        protected ErrorCatalog computeValue(Class<?> type) {
            return load(type);
        }
    };

    private final Class<?> codeType;
    private final Properties texts;

    private ErrorCatalog(Class<?> codeType, Properties texts) {
        this.codeType = codeType;
        this.texts = texts;
    }

    /** The catalogue that ships beside {@code codeType} (an enum implementing {@link ErrorCode}). */
    public static ErrorCatalog forCodeType(Class<?> codeType) {
        Class<?> owner = codeType.isEnum() || codeType.getEnclosingClass() == null ? codeType : codeType.getEnclosingClass();
        return CATALOGS.get(owner);
    }

    private static ErrorCatalog load(Class<?> codeType) {
        Properties properties = new Properties();
        try (InputStream in = codeType.getResourceAsStream("errors.properties")) {
            if (in == null) {
                throw new IllegalStateException("no errors.properties beside " + codeType.getName());
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read errors.properties beside " + codeType.getName(), e);
        }
        return new ErrorCatalog(codeType, properties);
    }

    /**
     * The entry of {@code code}.
     *
     * @throws IllegalStateException when the catalogue lacks the code's title, message or steps:
     *     a build defect that the catalogue tests catch
     */
    public CatalogEntry entry(ErrorCode code) {
        String id = code.id();
        String title = texts.getProperty(id + ".title");
        String message = texts.getProperty(id + ".message");
        List<String> steps = new ArrayList<>();
        for (int i = 1; texts.getProperty(id + ".step." + i) != null; i++) {
            steps.add(texts.getProperty(id + ".step." + i));
        }
        if (title == null || message == null || steps.isEmpty()) {
            throw new IllegalStateException("catalogue of " + codeType.getName() + " lacks title, message or steps for " + id);
        }
        return new CatalogEntry(id, title, message, steps);
    }
}
