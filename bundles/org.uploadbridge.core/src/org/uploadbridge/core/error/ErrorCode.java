package org.uploadbridge.core.error;

/**
 * A catalogued error. Each bundle defines its codes as an enum implementing this interface and
 * ships their texts in {@code errors.properties} beside the enum (same package, same class loader):
 *
 * <pre>
 * UB-P001.title=Pattern file is empty
 * UB-P001.message=The file {0} has no bytes.
 * UB-P001.step.1=Check that the export from your pattern tool finished.
 * UB-P001.step.2=...
 * </pre>
 *
 * Messages use {@link java.text.MessageFormat} placeholders. {@code docs/troubleshooting.md} has a
 * section per code, anchored by the code in lower case.
 */
public interface ErrorCode {

    /** The stable identifier shown to users and in {@code --json}, e.g. {@code UB-P001}. */
    String id();

    /** This code's texts from the catalogue that ships beside the implementing class. */
    default CatalogEntry entry() {
        return ErrorCatalog.forCodeType(getClass()).entry(this);
    }
}
