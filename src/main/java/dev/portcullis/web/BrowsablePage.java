package dev.portcullis.web;

import java.util.List;

/**
 * What the browsable API shows for one answer: the request and the answer as JSON, the view (its resource, and its
 * name and description as DRF's page heads it: {@code Post List}), its classes for
 * this action, who the request is authenticated as, the forms the caller can use, and for a denial DRF's words,
 * the class that denied and (hints on, or a staff user) why.
 *
 * @param rawContent what the form to send a body starts with (DRF's raw data form): the object, to change it, or a new
 *                   one's fields with their initial values
 * @param policies   the endpoint map's rows, on {@code /api/_meta/policies/} only
 */
record BrowsablePage(String method, String path, int status, String reason, String allow, String json,
                     String view, String name, String description, String action, List<String> authentication, List<String> permissions,
                     String user, String authenticatedBy, String csrfToken, List<String> unsafeMethods, String rawContent,
                     String next, String previous, String detail, String deniedBy, String explanation,
                     List<PolicyRow> policies) {

    /** One row of the endpoint map: a lockfile entry. */
    record PolicyRow(String endpoint, String view, String authentication, String permissions, String anonymous,
                     String objectChecks, String queryset, String csrf, String throttles) {

        public boolean openToAnonymous() {
            return "allowed".equals(anonymous);
        }
    }

    public boolean denied() {
        return detail != null;
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean endpointMap() {
        return policies != null;
    }

    /** The methods the explain form offers. */
    public List<String> methodChoices() {
        return List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    }

    public String statusClass() {
        return status < 300 ? "ok" : status < 500 ? "refused" : "failed";
    }
}
