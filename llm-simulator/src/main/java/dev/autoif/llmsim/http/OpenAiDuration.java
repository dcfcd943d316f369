package dev.autoif.llmsim.http;

import java.math.BigDecimal;

/** Durations as OpenAI writes them in {@code x-ratelimit-reset-*}: {@code 20ms}, {@code 1s}, {@code 8.64s}, {@code 6m0s}. */
final class OpenAiDuration {

    private OpenAiDuration() {
    }

    static String format(long millis) {
        if (millis < 1000) {
            return Math.max(0, millis) + "ms";
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        String seconds = BigDecimal.valueOf(millis % 60_000, 3).stripTrailingZeros().toPlainString();
        StringBuilder sb = new StringBuilder();
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            sb.append(minutes).append('m');
        }
        return sb.append(seconds).append('s').toString();
    }
}
