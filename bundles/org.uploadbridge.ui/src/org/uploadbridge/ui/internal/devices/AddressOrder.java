package org.uploadbridge.ui.internal.devices;

import java.util.Comparator;

import org.uploadbridge.core.device.DeviceAddress;

/** Orders device addresses the way people read them: 10.0.0.2 before 10.0.0.10, then by port. */
final class AddressOrder implements Comparator<DeviceAddress> {

    static final AddressOrder INSTANCE = new AddressOrder();

    private AddressOrder() {
    }

    @Override
    public int compare(DeviceAddress a, DeviceAddress b) {
        String[] left = a.host().split("[.:]");
        String[] right = b.host().split("[.:]");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int byPart = comparePart(left[i], right[i]);
            if (byPart != 0) {
                return byPart;
            }
        }
        int byLength = Integer.compare(left.length, right.length);
        return byLength != 0 ? byLength : Integer.compare(a.port(), b.port());
    }

    private static int comparePart(String left, String right) {
        boolean numbers = left.chars().allMatch(Character::isDigit) && right.chars().allMatch(Character::isDigit)
                && !left.isEmpty() && !right.isEmpty() && left.length() < 10 && right.length() < 10;
        return numbers ? Integer.compare(Integer.parseInt(left), Integer.parseInt(right)) : left.compareTo(right);
    }
}
