/** The basket service. Its API and messaging arrive with the event-driven core (issue 3). */
@NullMarked
package com.swn.basket;

import org.jspecify.annotations.NullMarked;
