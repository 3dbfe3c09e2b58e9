/** The ordering service. Its API and messaging arrive with the event-driven core (issue 3). */
@NullMarked
package com.swn.ordering;

import org.jspecify.annotations.NullMarked;
