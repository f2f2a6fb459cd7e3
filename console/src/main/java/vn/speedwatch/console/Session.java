package vn.speedwatch.console;

/** A live console session: who it belongs to and the token its forms must send back. */
record Session(String tokenHash, Official official, String csrfToken) {}
