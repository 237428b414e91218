package org.uploadbridge.net;

/**
 * A device's complete answer, read within the size limit the caller set.
 *
 * @param status HTTP status code
 * @param contentType the media type, or empty
 * @param body the body decoded as UTF-8
 */
public record HttpAnswer(int status, String contentType, String body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
