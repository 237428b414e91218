package org.uploadbridge.ui.internal.logs;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.uploadbridge.core.device.DeviceError;
import org.uploadbridge.core.error.ErrorCode;
import org.uploadbridge.core.error.UploadBridgeException;
import org.uploadbridge.core.format.PatternError;
import org.uploadbridge.resilience.ResilienceError;
import org.uploadbridge.validation.ValidationError;

/**
 * Finds the catalogued error in a log record, so the Logs view can show its guidance: an
 * {@link UploadBridgeException} in the exception's cause chain, else an error code named in the message.
 */
final class CataloguedErrors {

    private static final Pattern CODE = Pattern.compile("\\bUB-[A-Z]\\d{3}\\b");

    /** The codes whose catalogues the workbench can read; a firmware bundle's own codes are only found as exceptions. */
    private static final Map<String, ErrorCode> KNOWN = Stream
            .of(PatternError.values(), DeviceError.values(), ResilienceError.values(), ValidationError.values())
            .flatMap(Arrays::stream).collect(Collectors.toUnmodifiableMap(ErrorCode::id, Function.identity()));

    private CataloguedErrors() {
    }

    static Optional<UploadBridgeException> in(Throwable failure, String message) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UploadBridgeException error) {
                return Optional.of(error);
            }
        }
        if (message == null) {
            return Optional.empty();
        }
        Matcher code = CODE.matcher(message);
        while (code.find()) {
            ErrorCode known = KNOWN.get(code.group());
            if (known != null) {
                return Optional.of(new LoggedError(known, message));
            }
        }
        return Optional.empty();
    }

    /**
     * A catalogued error known only by its code in a logged message: the arguments of its catalogue
     * message are lost, so what happened is the logged message itself.
     */
    static final class LoggedError extends UploadBridgeException {

        private static final long serialVersionUID = 1L;

        private final String logged;

        LoggedError(ErrorCode code, String logged) {
            super(code);
            this.logged = logged;
        }

        @Override
        public String detail() {
            return logged;
        }
    }
}
