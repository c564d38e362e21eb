package io.github.connectparticipant.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.ExchangeFormatter;
import org.apache.camel.spi.MaskingFormatter;
import org.apache.camel.spi.Tracer;
import org.apache.camel.support.processor.DefaultExchangeFormatter;

/**
 * When the user turns on Camel's log masking (logMask), extends it to the names a connection token travels under, and
 * to Camel's tracer, which prints headers and bodies without consulting the mask.
 */
final class TokenLogMasking {

    private TokenLogMasking() {
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
            tracer.setExchangeFormatter(new MaskedExchangeFormatter(formatter != null ? formatter : tracerStyle(), mask));
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
            implements ExchangeFormatter {
        @Override
        public String format(org.apache.camel.Exchange exchange) {
            return mask.format(formatter.format(exchange));
        }
    }
}
