"""KVM hosts (libvirt per node) and virsh; the VCS KVMGuest agent acts through kvm.guest_agent."""
