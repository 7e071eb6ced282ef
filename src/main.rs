fn main() {
    rare_earth_flows::start();
}
