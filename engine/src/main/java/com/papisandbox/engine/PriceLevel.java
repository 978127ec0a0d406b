package com.papisandbox.engine;

/** The orders resting at one price, oldest first (time priority). */
final class PriceLevel {
    final long price;
    Order head;
    Order tail;
    int count;

    PriceLevel(long price) {
        this.price = price;
    }

    void append(Order order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        count++;
    }

    void remove(Order order) {
        if (order.prev == null) head = order.next; else order.prev.next = order.next;
        if (order.next == null) tail = order.prev; else order.next.prev = order.prev;
        order.prev = null;
        order.next = null;
        order.level = null;
        count--;
    }

    boolean isEmpty() {
        return head == null;
    }
}
