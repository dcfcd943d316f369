package dev.autoif.query.domain;

/**
 * A query ready to store.
 *
 * @param ordinal its dense position in the corpus (0..n-1), the stable order sampling draws from
 * @param hash SHA-256 of the text, the identity used to drop exact duplicates
 * @param line where it was found in the upload
 */
public record NewQuery(long ordinal, String hash, String text, long line) {
}
