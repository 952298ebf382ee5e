"""The background builds' slots (tests/books.py): a free slot goes to the waiting build of highest priority."""

from __future__ import annotations

import threading
import time

from books import PRIORITY, Books, Slots


def acquisitions(slots: Slots, priorities: list[int], before=lambda: None) -> list[int]:
    """Hold the only slot while threads of ``priorities`` come to wait, in that order; the order they got it."""
    got: list[int] = []
    holding = slots(-1)
    holding.__enter__()
    threads = []
    for priority in priorities:
        def build(priority=priority):
            with slots(priority):
                got.append(priority)
        thread = threading.Thread(target=build)
        waiting = len(slots._waiting)
        thread.start()
        threads.append(thread)
        while len(slots._waiting) == waiting:  # it waits before the next arrives
            time.sleep(0.01)
    before()
    holding.__exit__(None, None, None)
    for thread in threads:
        thread.join(5)
    return got


def test_a_free_slot_goes_to_the_highest_priority_whatever_the_order_of_arrival():
    assert acquisitions(Slots(1), [3, 1, 2, 1]) == [1, 1, 2, 3]


def test_a_queued_build_keeps_its_place_while_it_prepares_and_a_cancelled_one_gives_it_up():
    slots = Slots(1)
    ticket = slots.queue(0)  # queued first, not waiting yet
    got = []
    waiter = threading.Thread(target=lambda: acquisitions(slots, [5], before=lambda: got.append("released")))
    waiter.start()
    time.sleep(0.2)
    assert got == ["released"]
    waiter.join(0.3)
    assert waiter.is_alive(), "a build of lower priority took the slot while a queued one prepared"
    slots.cancel(ticket)
    waiter.join(5)
    assert not waiter.is_alive()


def test_the_student_book_comes_first_and_a_modules_own_work_last(tmp_path):
    books = Books(tmp_path)
    assert PRIORITY[0] == "student"
    assert books.priority("student") < books.priority("sandbox") < books.priority("elsewhere") < books.priority("colab")
