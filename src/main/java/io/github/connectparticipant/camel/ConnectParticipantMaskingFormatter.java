package io.github.connectparticipant.camel;

import java.util.regex.Pattern;

import org.apache.camel.support.processor.DefaultMaskingFormatter;

/**
 * Camel's log masking, plus the names under which a connection or participant token travels in a message: the
 * CamelConnectParticipantConnectionToken header, ConnectionToken / connectionToken in a JSON body, and X-Amz-Bearer.
 * Camel's own list covers keys such as "token" or "password" but not these. The component binds it as the context's
 * log mask when Camel's logMask is on and no mask is bound yet; bind it yourself (as CamelCustomLogMask) to combine it
 * with keywords of your own.
 */
public class ConnectParticipantMaskingFormatter extends DefaultMaskingFormatter {

    /**
     * A JSON member holding a connection token, wherever it stands in the object. Camel's JSON pattern misses a member
     * that follows an array, as in {"AttachmentIds":["a"],"ConnectionToken":"..."}.
     */
    private static final Pattern JSON_TOKEN_MEMBER = Pattern.compile(
            "(\"(?:ConnectionToken|connectionToken|ParticipantToken|participantToken|"
                    + ConnectParticipantConstants.CONNECTION_TOKEN + "|" + ConnectParticipantConstants.PARTICIPANT_TOKEN
                    + ")\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");

    public ConnectParticipantMaskingFormatter() {
        addKeyword(ConnectParticipantConstants.CONNECTION_TOKEN);
        addKeyword("ConnectionToken");
        addKeyword("connectionToken");
        addKeyword("X-Amz-Bearer");
        addKeyword(ConnectParticipantConstants.PARTICIPANT_TOKEN);
        addKeyword("ParticipantToken");
        addKeyword("participantToken");
        initPatterns();
    }

    @Override
    public String format(String source) {
        String masked = super.format(source);
        if (masked == null || masked.indexOf("onnectionToken\"") < 0 && masked.indexOf("articipantToken\"") < 0) {
            return masked;
        }
        return JSON_TOKEN_MEMBER.matcher(masked).replaceAll("$1" + getMaskString() + "$2");
    }
}
