package io.github.connectparticipant.camel;

import java.util.List;
import java.util.Locale;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Tracer;
import org.apache.camel.support.processor.DefaultExchangeFormatter;

/**
 * Keeps the tokens out of Camel's logs: the options that hold one are sensitive names for Camel (always), and when the
 * user turns on Camel's log masking (logMask), it extends to the names a token travels under in a message, and to
 * Camel's tracer, which prints headers and bodies without consulting the mask.
 */
final class TokenLogMasking {

    /**
     * The options that hold a token or the key tokens are kept under, as Camel compares them with a property's last
     * name: lower case, no dashes. camel-main's start-up summary and its property placeholders' summary print every
     * value whose name is not a sensitive one in clear, and Camel's own list has "token" and "secretkey" but none of
     * these.
     */
    static final List<String> TOKEN_OPTION_KEYWORDS = List.of("connectiontoken", "participanttoken",
            "stateencryptionkey");

    private TokenLogMasking() {
    }

    /**
     * Adds the token options to the context's sensitive keywords, keeping any the user or another component set: from
     * then on camel-main logs {@code camel.component.connectparticipant.connectionToken = xxxxxx}, and so does every
     * placeholder whose name ends in either (chat.participant-token, say).
     */
    static void markTokenOptionsSensitive(CamelContext camelContext) {
        ExtendedCamelContext extension = camelContext.getCamelContextExtension();
        String keywords = extension.getAdditionalSensitiveKeywords();
        StringBuilder added = new StringBuilder(keywords == null ? "" : keywords);
        for (String keyword : TOKEN_OPTION_KEYWORDS) {
            if (keywords == null || !keywords.toLowerCase(Locale.ENGLISH).contains(keyword)) {
                added.append(added.isEmpty() ? "" : ",").append(keyword);
            }
        }
        extension.setAdditionalSensitiveKeywords(added.toString());
    }

    static void extendTo(CamelContext camelContext) {
        if (!camelContext.isLogMask()) {
            return;
        }
        MaskingFormatter mask = camelContext.getRegistry()
                .lookupByNameAndType(MaskingFormatter.CUSTOM_LOG_MASK_REF, MaskingFormatter.class);
        if (mask == null) {
            // a mask the user bound is theirs to keep; otherwise Camel's, with the token's names added
            mask = new ConnectParticipantMaskingFormatter();
            camelContext.getRegistry().bind(MaskingFormatter.CUSTOM_LOG_MASK_REF, mask);
        }
        Tracer tracer = camelContext.getTracer();
        if (tracer != null && !(tracer.getExchangeFormatter() instanceof MaskedExchangeFormatter)) {
            ExchangeFormatter formatter = tracer.getExchangeFormatter();
            tracer.setExchangeFormatter(
                    new MaskedExchangeFormatter(formatter != null ? formatter : tracerStyle(), mask));
        }
    }

    /** The one-line form Camel's tracer uses when it is given no formatter. */
    private static ExchangeFormatter tracerStyle() {
        DefaultExchangeFormatter formatter = new DefaultExchangeFormatter();
        formatter.setShowExchangeId(true);
        formatter.setShowExchangePattern(false);
        formatter.setMultiline(false);
        formatter.setShowHeaders(true);
        formatter.setStyle(DefaultExchangeFormatter.OutputStyle.Default);
        return formatter;
    }

    private record MaskedExchangeFormatter(ExchangeFormatter formatter, MaskingFormatter mask)
            implements
                ExchangeFormatter {

        @Override
        public String format(Exchange exchange) {
            return mask.format(formatter.format(exchange));
        }
    }
}
