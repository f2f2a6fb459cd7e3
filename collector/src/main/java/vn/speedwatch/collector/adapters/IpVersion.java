package vn.speedwatch.collector.adapters;

import java.util.regex.Pattern;

/**
 * The IP version of an address a tool reported. Only the version is kept: the address itself is
 * personal data and is never copied into a measurement.
 */
final class IpVersion {

    private static final Pattern V4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(:\\d{1,5})?");
    private static final Pattern V6 =
            Pattern.compile(
                    "[0-9a-fA-F]{0,4}(:[0-9a-fA-F]{0,4}){2,7}(:\\d{1,3}(\\.\\d{1,3}){3})?(%[\\w.]+)?");

    private IpVersion() {}

    /** 4 or 6 for an address literal (IPv6 may be bracketed with a port), null otherwise. */
    static Integer of(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (V4.matcher(a).matches()) {
            return 4;
        }
        int close = a.indexOf(']');
        if (a.startsWith("[") && close > 0) {
            a = a.substring(1, close);
        }
        return V6.matcher(a).matches() ? 6 : null;
    }

    /** True when {@code host} is an address literal rather than a name. */
    static boolean isLiteral(String host) {
        return of(host) != null;
    }
}
