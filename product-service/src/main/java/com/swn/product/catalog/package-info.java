/** Products: the catalogue API, its DynamoDB repository and the events a change publishes. */
@NullMarked
package com.swn.product.catalog;

import org.jspecify.annotations.NullMarked;
