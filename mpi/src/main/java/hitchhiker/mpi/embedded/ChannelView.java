package hitchhiker.mpi.embedded;

/**
 * How a communicator maps its ranks onto a fabric's participants: the local group (which holds this
 * process) and the group messages go to (the same group, or the remote one of an intercommunicator).
 */
record ChannelView(int[] local, int[] remote, int[] remoteRankOf, int rank) {

    static ChannelView of(int[] local, int[] remote, int participants, int me) {
        int[] rankOf = new int[participants];
        java.util.Arrays.fill(rankOf, -1);
        for (int r = 0; r < remote.length; r++) rankOf[remote[r]] = r;
        int rank = -1;
        for (int r = 0; r < local.length; r++) if (local[r] == me) rank = r;
        if (rank < 0) throw new IllegalStateException("participant " + me + " is not in its own group");
        return new ChannelView(local, remote, rankOf, rank);
    }

    /** The rank, in the remote group, of a participant (or -1 if it is not there). */
    int rankOf(int participant) {
        return participant < 0 ? -1 : remoteRankOf[participant];
    }

    /** The participant a remote rank names. */
    int participant(int remoteRank) {
        return remote[remoteRank];
    }
}
