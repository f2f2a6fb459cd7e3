package vn.speedwatch.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import vn.speedwatch.model.AccessType;
import vn.speedwatch.model.Area;
import vn.speedwatch.model.AreaRegistry;
import vn.speedwatch.model.Operator;

/**
 * The simulated devices of the demo: a general population spread over every TDP with the operators'
 * market shares, plus a VNPT-fibre cohort in three TDPs that the demo degrades (large enough that
 * the alert rules, which need 20 samples a day per cell, can judge them).
 */
final class DemoPopulation {

    private static final int GENERAL_DEVICES = 500;
    private static final int COHORT_DEVICES = 30;

    private final AreaRegistry areas;
    private final Random random;
    private int nextIp;

    DemoPopulation(AreaRegistry areas, Random random) {
        this.areas = areas;
        this.random = random;
    }

    List<DemoDevice> devices(double scale) {
        List<Area> all = areas.areas();
        List<DemoDevice> devices = new ArrayList<>();
        int general = Math.max(1, (int) Math.round(GENERAL_DEVICES * scale));
        for (int i = 0; i < general; i++) {
            Area area = all.get(random.nextInt(all.size()));
            AccessType type = accessType();
            devices.add(device(area, operator(), type, false, 0.6));
        }
        int cohort = Math.max(1, (int) Math.round(COHORT_DEVICES * scale));
        for (Area area : degradedAreas(all)) {
            for (int i = 0; i < cohort; i++) {
                devices.add(
                        device(
                                area,
                                DemoMeasurements.DEGRADED_OPERATOR,
                                AccessType.FIXED_FIBER,
                                true,
                                1.0));
            }
        }
        return devices;
    }

    private DemoDevice device(
            Area area, Operator op, AccessType type, boolean degraded, double perDay) {
        double[] at = DemoMeasurements.pointIn(areas, area, random);
        Double plan = type.isFixed() ? DemoMeasurements.plan(random) : null;
        return new DemoDevice(
                area.code(), at[0], at[1], op, type, plan, nextIp(), degraded, perDay);
    }

    /** Every fourth TDP, at most three: a few, spread over the ward. */
    private static List<Area> degradedAreas(List<Area> all) {
        List<Area> chosen = new ArrayList<>();
        for (int i = 2; i < all.size() && chosen.size() < 3; i += 4) {
            chosen.add(all.get(i));
        }
        return chosen;
    }

    private Operator operator() {
        double r = random.nextDouble();
        if (r < 0.50) {
            return Operator.VIETTEL;
        }
        if (r < 0.80) {
            return Operator.VNPT;
        }
        return r < 0.92 ? Operator.FPT : Operator.MOBIFONE;
    }

    private AccessType accessType() {
        double r = random.nextDouble();
        if (r < 0.55) {
            return AccessType.FIXED_FIBER;
        }
        if (r < 0.75) {
            return AccessType.MOBILE_4G;
        }
        return r < 0.90 ? AccessType.MOBILE_5G : AccessType.PUBLIC_WIFI;
    }

    /** Addresses from 198.18.0.0/15, the range reserved for benchmarks: never a real client. */
    private String nextIp() {
        int n = nextIp++;
        return "198." + (18 + (n >> 16 & 1)) + "." + (n >> 8 & 0xff) + "." + (n & 0xff);
    }
}
