package org.uploadbridge.net.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.eclipse.jetty.util.Promise;
import org.junit.jupiter.api.Test;

/** IP literals are resolved on the spot; names still go to the asynchronous resolver. */
class LiteralAddressResolverTest {

    private final List<String> askedForNames = new ArrayList<>();
    private final LiteralAddressResolver resolver = new LiteralAddressResolver((host, port, context, promise) -> {
        askedForNames.add(host);
        promise.succeeded(List.of(InetSocketAddress.createUnresolved(host, port)));
    });

    private List<InetSocketAddress> resolve(String host) throws InterruptedException, ExecutionException {
        CompletableFuture<List<InetSocketAddress>> result = new CompletableFuture<>();
        resolver.resolve(host, 80, Map.of(), Promise.from(result::complete, result::completeExceptionally));
        assertTrue(result.isDone(), "answered at once, on the calling thread");
        return result.get();
    }

    @Test
    void literalsNeedNoLookup() throws Exception {
        assertEquals(List.of(new InetSocketAddress("127.42.0.7", 80)), resolve("127.42.0.7"));
        assertEquals(80, resolve("::1").get(0).getPort());
        assertEquals(List.of(), askedForNames);
    }

    @Test
    void namesGoToTheNameResolver() throws Exception {
        resolve("wled-kitchen.local");
        assertEquals(List.of("wled-kitchen.local"), askedForNames);
    }

    @Test
    void anImpossibleLiteralFailsWithoutALookup() {
        ExecutionException e = assertThrows(ExecutionException.class, () -> resolve("1::2::3"));
        assertInstanceOf(UnknownHostException.class, e.getCause());
        assertEquals(List.of(), askedForNames);
    }

    @Test
    void dottedNumbersBeyond255AreNoLiteral() throws Exception {
        resolve("300.1.1.1");
        assertEquals(List.of("300.1.1.1"), askedForNames);
    }
}
