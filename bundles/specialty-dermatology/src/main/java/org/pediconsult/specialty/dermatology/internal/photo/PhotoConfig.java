package org.pediconsult.specialty.dermatology.internal.photo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of {@code etc/org.pediconsult.dermatology.cfg}: how much of the server a photo upload may take. */
@ObjectClassDefinition(name = "PediConsult dermatology photos",
        description = "Limits on decoding uploaded rash photos, checked from the image header before any pixel is decoded")
public @interface PhotoConfig {
    @AttributeDefinition(name = "Largest side (px)", description = "Wider or taller images are refused (413 image_too_large)")
    int photo_max_side_px() default 8000;

    @AttributeDefinition(name = "Most pixels", description = "Images with more pixels (width x height) are refused "
            + "(413 image_too_large); 24,000,000 admits every phone camera's default photo size")
    long photo_max_pixels() default 24_000_000L;

    @AttributeDefinition(name = "Decoding memory (bytes)", description = "Heap all photo decodes together may take: "
            + "the decoded pixels, the upright copy of a rotated JPEG and the re-encoded output, estimated from "
            + "the header. 0: 30 % of the JVM's largest heap")
    long photo_decode_budget_bytes() default 0;

    @AttributeDefinition(name = "Parallel decodes", description = "Photos decoded at the same time; further "
            + "uploads wait for a turn. Each decode gets the budget divided by this number")
    int photo_decodes_concurrent() default 1;

    @AttributeDefinition(name = "Wait for a turn (s)", description = "How long an upload waits for a decode turn "
            + "before it is answered 503 photo_decoder_busy")
    int photo_decode_wait_seconds() default 30;

    @AttributeDefinition(name = "Subsample large photos", description = "true: a photo whose decode would exceed "
            + "its share of the budget is decoded at 1/2, 1/3 ... of its size (and stored so); false: it is refused (413)")
    boolean photo_subsample() default true;
}
