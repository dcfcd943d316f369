package dev.autoif.llm.batch;

import java.util.Optional;

/** The provider's Files and Batch APIs, as far as batch mode needs them. */
public interface BatchApi {

    /** The state of one batch as the provider reports it. */
    record RemoteBatch(String id, String status, String outputFileId, String errorFileId) {

        /** completed, failed, expired or cancelled: its files are final. */
        public boolean ended() {
            return switch (status) {
                case "completed", "failed", "expired", "cancelled" -> true;
                default -> false;
            };
        }
    }

    /** A failed call to the Files or Batch API (HTTP error or no answer); the message never holds the key. */
    final class BatchApiException extends RuntimeException {
        public BatchApiException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** {@code POST /files} with purpose {@code batch}; the file id. */
    String upload(String filename, byte[] jsonl) throws InterruptedException;

    /** {@code POST /batches} for {@code /v1/chat/completions} in the 24 h window, tagged with our id. */
    RemoteBatch create(String inputFileId, String localId) throws InterruptedException;

    /** {@code GET /batches/{id}}. */
    RemoteBatch get(String batchId) throws InterruptedException;

    /**
     * The batch {@link #create} tagged with {@code localId}, if the provider has one: {@code GET /batches} (newest
     * first) paged through at most {@code maxPages} pages. A batch saved without its provider id (the service died
     * between creating it and saving the id) is looked up this way before it is sent again.
     */
    Optional<RemoteBatch> findTagged(String localId, int maxPages) throws InterruptedException;

    /** {@code GET /files/{id}/content}: the JSONL text. */
    String content(String fileId) throws InterruptedException;
}
