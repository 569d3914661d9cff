//! Entry point: mount the app (everything else lives in the library so tests can reach it).

fn main() {
    duibiao::start();
}
