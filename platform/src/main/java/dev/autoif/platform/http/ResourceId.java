package dev.autoif.platform.http;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An id in a path or query parameter: 1 to 128 letters, digits, '.', '_', ':', '|' or '-' (a sample id joins its
 * instruction, query and attempt with '|'). Checked before the resource
 * runs, so a malformed id is a 400 naming the parameter and never reaches a query.
 */
@Documented
@Constraint(validatedBy = {})
@ReportAsSingleViolation
@Pattern(regexp = ResourceId.PATTERN)
@Target({PARAMETER, FIELD})
@Retention(RUNTIME)
public @interface ResourceId {

    String PATTERN = "[A-Za-z0-9._:|-]{1,128}";

    String message() default "must be 1 to 128 letters, digits, '.', '_', ':', '|' or '-'";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
