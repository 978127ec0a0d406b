package com.papisandbox.server.edge;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * One connection's deadlines, on its event loop: a request must arrive whole (head and body) within the
 * request timeout of its first byte, or of the connection's opening for the first request; between
 * requests a keep-alive connection may be idle for the idle timeout. While a request is being answered no
 * deadline runs (the engine's own timeout bounds that), and once upgraded to a WebSocket the stream's
 * ping/pong rules take over. Sits after the HTTP codec, so it sees requests and responses as messages; a
 * tiny watcher at the pipeline's head tells it of the first byte of the next request.
 *
 * <p>Per request it only writes a deadline: one pending timer per connection re-arms itself when it fires
 * early, instead of a timer scheduled and cancelled for every request.
 */
final class RequestDeadlines extends ChannelDuplexHandler {
    private enum Phase { WAITING, RECEIVING, ANSWERING, UPGRADED }

    private final long requestNanos;
    private final long idleNanos;
    private Channel channel;
    private Phase phase = Phase.RECEIVING;
    /** When the current phase's bound runs out (System.nanoTime), or 0 for none. */
    private long deadline;
    private ScheduledFuture<?> check;
    private long checkAt;
    /** The answer went out before the request's body was in (an early refusal): once it is in, wait again. */
    private boolean answeredEarly;

    RequestDeadlines(ConnectionLimits limits) {
        this.requestNanos = TimeUnit.MILLISECONDS.toNanos(limits.requestTimeoutMillis());
        this.idleNanos = TimeUnit.MILLISECONDS.toNanos(limits.idleTimeoutMillis());
    }

    /** The first request's bound runs from the connection's opening. */
    void start(Channel channel) {
        this.channel = channel;
        channel.eventLoop().execute(() -> arm(System.nanoTime() + requestNanos));
    }

    ChannelInboundHandlerAdapter firstByteWatcher() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (phase == Phase.WAITING && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    phase = Phase.RECEIVING;
                    arm(System.nanoTime() + requestNanos);
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof WebSocketFrame) {
            upgraded(ctx);
        } else {
            if (phase == Phase.WAITING && msg instanceof HttpRequest) {
                // a pipelined request whose bytes came while the one before was answered
                phase = Phase.RECEIVING;
                arm(System.nanoTime() + requestNanos);
            }
            if (phase == Phase.RECEIVING && msg instanceof LastHttpContent) received();
        }
        ctx.fireChannelRead(msg);
    }

    private void received() {
        if (answeredEarly) {
            answeredEarly = false;
            waitForNext();
        } else {
            phase = Phase.ANSWERING;
            deadline = 0;
        }
    }

    private void waitForNext() {
        phase = Phase.WAITING;
        arm(System.nanoTime() + idleNanos);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (phase != Phase.UPGRADED) {
            HttpResponseStatus status = msg instanceof HttpResponse response ? response.status() : null;
            if (status != null && status.code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
                upgraded(ctx);
            } else if (msg instanceof LastHttpContent && (status == null || status.codeClass() != HttpStatusClass.INFORMATIONAL)) {
                // the end of an answer (a 100 Continue is not one)
                if (phase == Phase.ANSWERING) waitForNext();
                else if (phase == Phase.RECEIVING) answeredEarly = true;
            }
        }
        ctx.write(msg, promise);
    }

    private void upgraded(ChannelHandlerContext ctx) {
        phase = Phase.UPGRADED;
        deadline = 0;
        if (check != null) check.cancel(false);
        ctx.pipeline().remove(this);
        if (ctx.pipeline().get(ConnectionGuard.FIRST_BYTE) != null) ctx.pipeline().remove(ConnectionGuard.FIRST_BYTE);
    }

    private void arm(long at) {
        deadline = at;
        if (check == null || check.isDone() || at < checkAt) {
            if (check != null) check.cancel(false);
            schedule(at);
        }
    }

    private void schedule(long at) {
        checkAt = at;
        check = channel.eventLoop().schedule(this::fire, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void fire() {
        long due = deadline;
        if (due == 0 || phase == Phase.UPGRADED || !channel.isActive()) return;
        if (System.nanoTime() - due >= 0) {
            channel.close();
        } else {
            schedule(due);
        }
    }
}
