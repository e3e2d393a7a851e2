package io.switchboard.client;

/**
 * Told when the server will not push a range of messages ({@code sync:gap}). Messages after the gap are held back
 * until the gap is filled, so an implementation should call {@link SwitchboardClient#fillGap(Gap)} now or later.
 * The default listener fills every gap at once.
 */
@FunctionalInterface
public interface GapListener {

    void onGap(Gap gap);
}
