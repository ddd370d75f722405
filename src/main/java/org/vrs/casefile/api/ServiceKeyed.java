package org.vrs.casefile.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event encrypted under the service key instead of its file's data key: it must stay readable
 * after the file's keys are shredded, so it may carry no personal data.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ServiceKeyed {
}
