package io.github.connectparticipant.camel.model;

import java.util.Map;

/** The body after describeView: the view (Id, Arn, Name, Version, Content), as the service's JSON object. */
public class DescribeViewResult extends ServiceCallResult {

    private final Map<String, Object> view;

    public DescribeViewResult(Map<String, Object> view, String requestId) {
        super(requestId);
        this.view = view == null ? Map.of() : Map.copyOf(view);
    }

    public Map<String, Object> getView() {
        return view;
    }
}
