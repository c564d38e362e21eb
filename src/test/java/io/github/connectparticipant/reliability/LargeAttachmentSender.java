package io.github.connectparticipant.reliability;

import java.io.File;

import io.github.connectparticipant.camel.model.SendAttachmentResult;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Sends one file with sendAttachment from a JVM of its own (the test gives it a small heap): args simulator URL,
 * connection token, file. Prints SENT and the attachment id, and exits 0 on success.
 */
public final class LargeAttachmentSender {

    private LargeAttachmentSender() {
    }

    public static void main(String[] args) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.start();
            File file = new File(args[2]);
            Exchange exchange = camel.createProducerTemplate().send("connectparticipant:sendAttachment"
                    + "?connectionToken=RAW(" + args[1] + ")&uriEndpointOverride=" + args[0]
                    + "&maxAttachmentSize=" + file.length(), e -> e.getMessage().setBody(file));
            if (exchange.getException() != null) {
                exchange.getException().printStackTrace();
                System.exit(1);
            }
            System.out.println("SENT " + exchange.getMessage().getBody(SendAttachmentResult.class).getAttachmentId()
                    + " max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
        }
    }
}
