package io.github.connectparticipant.camel.model;

/** The body after getAuthenticationUrl: the URL that authenticates the customer. */
public class GetAuthenticationUrlResult extends ServiceCallResult {

    private final String authenticationUrl;

    public GetAuthenticationUrlResult(String authenticationUrl, String requestId) {
        super(requestId);
        this.authenticationUrl = authenticationUrl;
    }

    public String getAuthenticationUrl() {
        return authenticationUrl;
    }
}
